package io.github.mtasts.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Reads a duration written as {@code 500ms}, {@code 5s}, {@code 2m} or a plain number of seconds. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
  private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m)?");

  @Override
  public Duration convert(String value) {
    Matcher m = FORM.matcher(value.strip());
    if (!m.matches()) {
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not a duration: write it as 500ms, 5s, 1.5s or 2m");
    }
    double amount = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    double millis = unit.equals("ms") ? amount : unit.equals("s") ? amount * 1000 : amount * 60_000;
    if (millis < 1) {
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is shorter than a millisecond: give a positive duration such as 5s");
    }
    return Duration.ofMillis(Math.round(millis));
  }
}
