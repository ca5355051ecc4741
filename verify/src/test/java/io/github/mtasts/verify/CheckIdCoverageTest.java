package io.github.mtasts.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every check id the verifier can report is the expected outcome of a row of the evaluators' tables. */
class CheckIdCoverageTest {
  @Test
  void everyCheckIdIsReachedByATableRow() throws IllegalAccessException {
    Set<String> declared = new TreeSet<>();
    for (Field field : CheckIds.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        declared.add((String) field.get(null));
      }
    }
    Set<String> reached = new TreeSet<>();
    Stream.of(TxtRecordChecksTest.table(), PolicyChecksTest.table(), MxChecksTest.table(),
            ExpectationChecksTest.table())
        .flatMap(java.util.List::stream)
        .forEach(row -> reached.add(row.id()));
    assertEquals(declared, reached);
  }
}
