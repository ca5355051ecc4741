package io.github.mtasts.provider.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mtasts.policy.Excerpt;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Secretness flowing from inputs to outputs and messages. */
class SecretsTest {

  private static final PropertyMap INPUTS = PropertyMap.builder()
      .put("mode", "testing")
      .put("rua", new PropertyValue.Array(List.of(PropertyValue.of("mailto:a@example.com"),
          new PropertyValue.Secret(PropertyValue.of("mailto:hidden@example.com")))))
      .build();

  @Test
  void echoedInputsKeepTheirOwnSecretnessAndComputedOutputsBecomeSecret() {
    PropertyMap outputs = Secrets.of(INPUTS).conceal(PropertyMap.builder()
        .put("mode", "testing")
        .put("rua", PropertyValue.ofTexts(List.of("mailto:a@example.com", "mailto:hidden@example.com")))
        .put("tlsRptRecord", "v=TLSRPTv1; rua=mailto:a@example.com,mailto:hidden@example.com")
        .build());
    assertEquals(PropertyValue.of("testing"), outputs.get("mode").orElseThrow());
    assertTrue(outputs.get("rua").orElseThrow() instanceof PropertyValue.Secret);
    assertTrue(outputs.get("tlsRptRecord").orElseThrow() instanceof PropertyValue.Secret);
  }

  @Test
  void aDerivedOutputIsSecretOnlyWhenItsSourcesAre() {
    PropertyMap outputs = Secrets.of(INPUTS).conceal(PropertyMap.builder()
        .put("body", "mode: testing")
        .put("tlsRptRecord", "v=TLSRPTv1; rua=...")
        .put("defaulted", "x")
        .build(), Map.of("body", Set.of("mode"), "tlsRptRecord", Set.of("rua"),
            "defaulted", Set.of()));
    assertEquals(PropertyValue.of("mode: testing"), outputs.get("body").orElseThrow());
    assertTrue(outputs.get("tlsRptRecord").orElseThrow() instanceof PropertyValue.Secret);
    assertEquals(PropertyValue.of("x"), outputs.get("defaulted").orElseThrow());
  }

  @Test
  void nothingSecretChangesNothing() {
    PropertyMap plain = PropertyMap.builder().put("mode", "testing").build();
    PropertyMap outputs = PropertyMap.builder().put("mode", "testing").put("body", "x").build();
    assertEquals(outputs, Secrets.of(plain).conceal(outputs));
  }

  @Test
  void redactsEverySecretStringLongestFirst() {
    Secrets secrets = Secrets.of(INPUTS).and(Secrets.ofTexts(List.of("tok", "tok-long")));
    String message = secrets.redact("rua mailto:hidden@example.com is bad; key tok-long and tok");
    assertEquals("rua [secret] is bad; key [secret] and [secret]", message);
    assertFalse(secrets.redact("mailto:a@example.com").contains(Secrets.MASK), "what is not secret stays readable");
  }

  @Test
  void masksEveryFormAMessageDerivesFromASecret() {
    Secrets secrets = Secrets.ofTexts(List.of(" Mta-Sts.Hidden-Name.Example.COM. "));
    for (String form : List.of(" Mta-Sts.Hidden-Name.Example.COM. ", "Mta-Sts.Hidden-Name.Example.COM.",
        "Mta-Sts.Hidden-Name.Example.COM", "mta-sts.hidden-name.example.com", "MTA-STS.HIDDEN-NAME.EXAMPLE.COM")) {
      assertEquals("name '[secret]' is bad", secrets.redact("name '" + form + "' is bad"), form);
    }
    String huge = "Hidden" + "0123456789abcdef".repeat(64);
    Secrets longSecret = Secrets.ofTexts(List.of(huge));
    String head = Excerpt.quote(huge);
    assertEquals("value '[secret]…' (1,030 characters)", longSecret.redact("value " + head), head);
    String around = Excerpt.around(huge, 500);
    assertEquals("at …[secret]…", longSecret.redact("at " + around), around);
    assertEquals("value 'not hidden…' stays", longSecret.redact("value 'not hidden…' stays"));
    assertEquals("text ([secret])", Secrets.ofTexts(List.of("\"v=STSv1; id=Hidden1\"")).redact("text (v=STSv1; id=Hidden1)"));
  }

  @Test
  void aTokenIsMaskedAsGivenTrimmedAndInAnyCase() {
    String given = " \tgithub_pat_11ABCdef0Secret_XyZ\n";
    Secrets secrets = Secrets.ofTexts(List.of(given));
    String message = secrets.redact("given" + given + "| trimmed github_pat_11ABCdef0Secret_XyZ"
        + " | lower github_pat_11abcdef0secret_xyz | upper GITHUB_PAT_11ABCDEF0SECRET_XYZ");
    assertEquals("given[secret]| trimmed [secret] | lower [secret] | upper [secret]", message);
    assertEquals("no secret here", Secrets.ofTexts(List.of("  ")).redact("no secret here"),
        "white space alone is no secret to mask");
  }
}
