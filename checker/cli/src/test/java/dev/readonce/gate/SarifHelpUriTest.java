package dev.readonce.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.readonce.analysis.CheckDocs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SARIF's {@code helpUri} points at the hosted docs when a docs URL is configured, else is left
 * out.
 */
class SarifHelpUriTest {

  @AfterEach
  void clear() {
    System.clearProperty(CheckDocs.URL_PROPERTY);
  }

  @Test
  void hostedDocsGiveEachRuleItsPage() {
    System.setProperty(CheckDocs.URL_PROPERTY, "https://docs.example.org/readonce");
    JsonArray rules = rules();
    assertEquals(RuleInfo.ALL.size(), rules.size());
    for (int i = 0; i < rules.size(); i++) {
      JsonObject rule = rules.get(i).getAsJsonObject();
      assertEquals(
          "https://docs.example.org/readonce/" + rule.get("id").getAsString() + ".md",
          rule.get("helpUri").getAsString());
    }
  }

  @Test
  void aPlaceholderTakesTheChecksName() {
    System.setProperty(CheckDocs.URL_PROPERTY, "https://docs.example.org/checks/{check}.html");
    assertEquals(
        "https://docs.example.org/checks/UnlockedReread.html",
        rules().get(0).getAsJsonObject().get("helpUri").getAsString());
  }

  @Test
  void withoutHostedDocsThereIsNoHelpUri() {
    for (var rule : rules()) {
      assertFalse(rule.getAsJsonObject().has("helpUri"), rule.toString());
    }
  }

  private static JsonArray rules() {
    String sarif = new SarifReport().render(ReportFixture.report());
    return JsonParser.parseString(sarif)
        .getAsJsonObject()
        .getAsJsonArray("runs")
        .get(0)
        .getAsJsonObject()
        .getAsJsonObject("tool")
        .getAsJsonObject("driver")
        .getAsJsonArray("rules");
  }
}
