package io.github.mtasts.testlab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Route53DnsFrontTest {
  @Test
  void theSoaValueMotoWrapsInADictionaryIsUnwrapped() {
    assertEquals("ns-2048.awsdns-64.com. hostmaster.example.com. 1 7200 900 1209600 86400",
        Route53DnsFront.rdata("{'Value': 'ns-2048.awsdns-64.com. hostmaster.example.com. 1 7200 900 1209600 86400'}"));
  }

  @Test
  void aValueAsRoute53ReturnsItIsKept() {
    assertEquals("\"v=STSv1; id=20261130\"", Route53DnsFront.rdata("\"v=STSv1; id=20261130\""));
    assertEquals("10 mx1.example.com.", Route53DnsFront.rdata("10 mx1.example.com."));
  }
}
