package dev.readonce.analysis;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What to compile and how.
 *
 * @param sources the files to analyse
 * @param unsaved editor contents that replace some of those files' contents on disk
 * @param sourcepath where javac looks for the sources of other classes (empty: nowhere)
 * @param classpath what the sources compile against
 * @param options javac options and Error Prone flags ({@code -Xep...}) in one list, as on a javac
 *     command line
 */
public record AnalysisRequest(
    ImmutableList<Path> sources,
    ImmutableMap<Path, String> unsaved,
    ImmutableList<Path> sourcepath,
    ImmutableList<Path> classpath,
    ImmutableList<String> options) {

  public AnalysisRequest(
      List<Path> sources,
      Map<Path, String> unsaved,
      List<Path> sourcepath,
      List<Path> classpath,
      List<String> options) {
    this(
        ImmutableList.copyOf(sources),
        ImmutableMap.copyOf(unsaved),
        ImmutableList.copyOf(sourcepath),
        ImmutableList.copyOf(classpath),
        ImmutableList.copyOf(options));
  }
}
