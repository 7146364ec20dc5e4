package dev.readonce.gate;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * A hand-made report for the format tests: a failing finding, a baselined one whose message needs
 * escaping in every format, and a finding outside the repository root (outside the change).
 */
final class ReportFixture {

  static final Path ROOT = Path.of("/work/repo");
  static final String TRICKY = "slot 'a,b' read: 100% <wrong> & \"odd\"\nsecond line";

  private ReportFixture() {}

  static Report report() {
    RepoPaths paths = new RepoPaths(ROOT);
    Finding failing =
        new Finding(
            "UnlockedReread",
            ROOT.resolve("src/demo/Walk.java"),
            6,
            22,
            "slot 'u' read again after the read on line 5 decided this pass; read it once into a"
                + " local and decide everything on that");
    Finding accepted =
        new Finding("PlainSlotRead", ROOT.resolve("src/demo/Walk.java"), 9, 5, TRICKY);
    Finding outside =
        new Finding("UnlockedSlotWrite", Path.of("/elsewhere/Gen.java"), 3, 7, "write to slot 'x'");
    return Report.of(
        "1.2.3",
        paths.rootUri(),
        List.of(
            reported(paths, accepted, Status.BASELINED),
            reported(paths, outside, Status.OUTSIDE_CHANGE),
            reported(paths, failing, Status.NEW)));
  }

  private static ReportedFinding reported(RepoPaths paths, Finding finding, Status status) {
    Fingerprint fingerprint =
        new Fingerprint(
            finding.rule(),
            paths.name(finding.file()),
            "demo.Walk",
            "walk(Upper)",
            finding.slot(),
            "if(Pt.leaf(u.get()))…",
            0);
    return new ReportedFinding(
        finding, paths.name(finding.file()), paths.contains(finding.file()), fingerprint, status);
  }

  static URI rootUri() {
    return new RepoPaths(ROOT).rootUri();
  }
}
