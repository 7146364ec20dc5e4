package dev.readonce.gate;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Checkstyle XML, which reviewdog ({@code -f=checkstyle}) and many CI plugins read: one {@code
 * <file>} per source file, one {@code <error>} per finding with {@code source="ReadOnce.<Check>"},
 * severity {@code error} for a failing finding and {@code info} otherwise.
 */
final class CheckstyleReport implements ReportWriter {

  @Override
  public String render(Report report) {
    Map<String, List<ReportedFinding>> byFile = new LinkedHashMap<>();
    for (ReportedFinding f : report.findings()) {
      byFile.computeIfAbsent(f.fileName(), k -> new ArrayList<>()).add(f);
    }
    StringWriter text = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("checkstyle");
      xml.writeAttribute("version", "4.3");
      for (Map.Entry<String, List<ReportedFinding>> file : byFile.entrySet()) {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("file");
        xml.writeAttribute("name", file.getKey());
        for (ReportedFinding f : file.getValue()) {
          xml.writeCharacters("\n    ");
          xml.writeEmptyElement("error");
          xml.writeAttribute("line", Integer.toString(f.line()));
          xml.writeAttribute("column", Integer.toString(f.column()));
          xml.writeAttribute("severity", f.failsGate() ? "error" : "info");
          xml.writeAttribute(
              "message",
              f.failsGate()
                  ? f.message()
                  : f.message() + " (" + TextReport.reason(f.status()) + ")");
          xml.writeAttribute("source", GateVersion.TOOL_NAME + "." + f.rule());
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
      }
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write checkstyle XML", e);
    }
    return text + "\n";
  }
}
