package io.github.mtasts.provider.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The parts of resource URNs. */
class UrnsTest {

  @Test
  void theTypeIsTheLastOfTheQualifiedTypes() {
    assertEquals("mtasts:index:Policy", Urns.type("urn:pulumi:dev::mail::mtasts:index:MtaSts$mtasts:index:Policy::p"));
    assertEquals("mtasts:index:Policy", Urns.type("urn:pulumi:dev::mail::mtasts:index:Policy::p"));
    assertEquals("", Urns.type("not a urn"));
  }

  @Test
  void theNameIsTheLastPart() {
    assertEquals("example-com", Urns.name("urn:pulumi:dev::mail::mtasts:index:Policy::example-com"));
  }
}
