package dev.readonce.gate;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The few git commands the gate needs, run with the {@code git} CLI: find the work tree's top
 * level, resolve a ref, and list the lines changed since it.
 */
final class Git {

  private final Path topLevel;

  private Git(Path topLevel) {
    this.topLevel = topLevel;
  }

  /** The git work tree that contains {@code dir}, if any (and if git is installed). */
  static Optional<Git> at(Path dir) {
    try {
      Result result = run(dir, "rev-parse", "--show-toplevel");
      if (result.exit() != 0 || result.out().isBlank()) {
        return Optional.empty();
      }
      return Optional.of(new Git(Path.of(result.out().strip()).toRealPath()));
    } catch (BadInputException | IOException e) {
      return Optional.empty();
    }
  }

  Path topLevel() {
    return topLevel;
  }

  /**
   * The lines added or modified since the merge base of {@code ref} and {@code HEAD} (the ref
   * itself when they share no history), up to the work tree as it is now — so uncommitted edits
   * count as changed, and untracked files count whole.
   */
  ChangedLines changedSince(String ref) throws BadInputException {
    String commit = resolve(ref);
    Result mergeBase = git("merge-base", commit, "HEAD");
    String base = mergeBase.exit() == 0 ? mergeBase.out().strip() : commit;
    Result diff =
        git(
            "diff",
            "--no-color",
            "--no-ext-diff",
            "--no-textconv",
            "--find-renames",
            "--unified=0",
            "--src-prefix=a/",
            "--dst-prefix=b/",
            base,
            "--");
    if (diff.exit() != 0) {
      throw new BadInputException(
          "git diff " + base + " failed in " + topLevel + ": " + diff.err().strip());
    }
    Result untracked = git("ls-files", "--others", "--exclude-standard", "-z");
    Set<Path> whole = new HashSet<>();
    for (String name : Splitter.on('\0').split(untracked.out())) {
      if (!name.isEmpty()) {
        whole.add(topLevel.resolve(name).normalize());
      }
    }
    return ChangedLines.of(UnifiedDiff.parse(diff.out(), topLevel), whole);
  }

  /** The commit {@code ref} names; a ref git does not know is bad input. */
  private String resolve(String ref) throws BadInputException {
    if (ref.isBlank() || ref.startsWith("-")) {
      throw new BadInputException("unknown git ref '" + ref + "' in " + topLevel);
    }
    Result result = git("rev-parse", "--verify", "--quiet", "--end-of-options", ref + "^{commit}");
    if (result.exit() != 0 || result.out().isBlank()) {
      throw new BadInputException("unknown git ref '" + ref + "' in " + topLevel);
    }
    return result.out().strip();
  }

  private Result git(String... args) throws BadInputException {
    return run(topLevel, args);
  }

  /**
   * One git command's outcome.
   *
   * @param exit its exit code
   * @param out its standard output
   * @param err its standard error
   */
  record Result(int exit, String out, String err) {}

  private static Result run(Path dir, String... args) throws BadInputException {
    List<String> command =
        new ArrayList<>(List.of("git", "-c", "core.quotePath=false", "-C", dir.toString()));
    command.addAll(ImmutableList.copyOf(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("GIT_TERMINAL_PROMPT", "0");
    builder.environment().put("LC_ALL", "C");
    builder.redirectInput(ProcessBuilder.Redirect.PIPE);
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      CompletableFuture<String> err =
          CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
      String out = readAll(process.getInputStream());
      int exit = process.waitFor();
      return new Result(exit, out, err.join());
    } catch (IOException | UncheckedIOException e) {
      throw new BadInputException("cannot run git in " + dir + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BadInputException("interrupted while running git in " + dir, e);
    }
  }

  private static String readAll(InputStream in) {
    try {
      return new String(in.readAllBytes(), UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
