package io.github.mtasts.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class S3BucketNameTest {

  @ParameterizedTest
  @ValueSource(strings = {"mta-sts-example-com", "abc", "a1-b2-c3", "0mta-sts"})
  void namesOfLowerCaseLettersDigitsAndHyphensAreAccepted(String name) {
    assertEquals(Optional.empty(), S3BucketName.problem(name));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "mta-sts.example.com | no dots",
      "My_Bucket           | lower-case letters",
      "ab                  | 3 to 63",
      "-mta-sts            | starting and ending with a letter or digit",
      "mta-sts-            | starting and ending with a letter or digit",
      "xn--bucket          | S3 reserves the prefixes",
      "sthree-bucket       | S3 reserves the prefixes",
      "policy-s3alias      | S3 reserves",
      "policy--ol-s3       | S3 reserves"})
  void otherNamesAreRefusedWithTheFix(String name, String fix) {
    String problem = S3BucketName.problem(name).orElseThrow();
    assertTrue(problem.contains(fix), problem);
  }

  @ParameterizedTest
  @ValueSource(strings = {"example.com", "EXAMPLE.com.", "mail.example.co.uk",
      "a-very-long-subdomain-name-that-goes-on.and-on-and-on.example-with-a-long-name.com"})
  void theNameDerivedFromADomainIsAlwaysAccepted(String domain) {
    String name = S3BucketName.forDomain(domain);
    assertEquals(Optional.empty(), S3BucketName.problem(name), name);
    assertTrue(name.startsWith("mta-sts-"), name);
  }

  @ParameterizedTest
  @CsvSource({"example.com, mta-sts-example-com", "EXAMPLE.COM., mta-sts-example-com",
      "_dmarc.example.com, mta-sts--dmarc-example-com"})
  void theDerivedNameReplacesDotsWithHyphens(String domain, String name) {
    assertEquals(name, S3BucketName.forDomain(domain));
  }

  @Test
  void twoLongDomainsThatShareTheirFirst50CharactersGetTwoNames() {
    String prefix = "a-very-long-subdomain-name-that-goes-on-and-on-and-on-and-on";
    assertNotEquals(S3BucketName.forDomain(prefix + ".example.com"),
        S3BucketName.forDomain(prefix + ".example.org"));
    assertEquals(63, S3BucketName.forDomain(prefix + ".example.com").length());
  }
}
