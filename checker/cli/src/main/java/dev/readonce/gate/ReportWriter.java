package dev.readonce.gate;

/** Renders a {@link Report} in one output format. */
interface ReportWriter {

  /** The complete report text. */
  String render(Report report);
}
