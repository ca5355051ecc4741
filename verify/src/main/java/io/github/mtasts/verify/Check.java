package io.github.mtasts.verify;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One finding of a verification: a stable id (see {@link CheckIds}), a severity, a message a
 * person can act on, and the evidence it rests on (record text, HTTP status, certificate subject
 * and expiry, ...). Immutable; build with {@link #builder(String, Severity)}.
 */
public final class Check {

  /** How much a finding matters, from "fine" to "senders will not deliver as intended". */
  public enum Severity {
    /** The step behaves as a sending MTA requires. */
    PASS,
    /** Worth knowing, nothing to fix. */
    INFO,
    /** Should be fixed; senders still deliver (for example a problem in testing mode). */
    WARNING,
    /** Must be fixed: senders treat the domain differently from what its owner intends. */
    ERROR
  }

  private final String id;
  private final Severity severity;
  private final String message;
  private final Map<String, String> evidence;
  private final boolean operational;

  private Check(Builder builder) {
    this.id = builder.id;
    this.severity = builder.severity;
    this.message = Objects.requireNonNull(builder.message, "message");
    this.evidence = Collections.unmodifiableMap(new LinkedHashMap<>(builder.evidence));
    this.operational = builder.operational;
  }

  /**
   * Starts a check.
   *
   * @param id the stable check id, one of {@link CheckIds}
   * @param severity the severity
   * @return a builder
   */
  public static Builder builder(String id, Severity severity) {
    return new Builder(id, severity);
  }

  /** The stable id, such as {@code policy.fetch.redirect}. */
  public String id() {
    return id;
  }

  /** The severity. */
  public Severity severity() {
    return severity;
  }

  /** What was found and, for a problem, what to do about it. */
  public String message() {
    return message;
  }

  /** The observations the finding rests on, in the order they were added. */
  public Map<String, String> evidence() {
    return evidence;
  }

  /**
   * True when the verifier itself could not do a step (its resolver did not answer, answered
   * SERVFAIL or timed out): the check then says nothing about the domain.
   */
  public boolean isOperational() {
    return operational;
  }

  @Override
  public String toString() {
    return severity + " " + id + ": " + message + (evidence.isEmpty() ? "" : " " + evidence);
  }

  /** Builds a {@link Check}. */
  public static final class Builder {
    private final String id;
    private final Severity severity;
    private String message;
    private final Map<String, String> evidence = new LinkedHashMap<>();
    private boolean operational;

    private Builder(String id, Severity severity) {
      this.id = Objects.requireNonNull(id, "id");
      this.severity = Objects.requireNonNull(severity, "severity");
    }

    /** Sets the message. */
    public Builder message(String message) {
      this.message = message;
      return this;
    }

    /** Adds one observation; a null value is left out. */
    public Builder evidence(String key, Object value) {
      if (value != null) {
        evidence.put(key, String.valueOf(value));
      }
      return this;
    }

    /** Adds several observations. */
    public Builder evidence(Map<String, String> more) {
      evidence.putAll(more);
      return this;
    }

    /** Marks the check as an operational failure of the verifier (see {@link #isOperational}). */
    public Builder operational() {
      this.operational = true;
      return this;
    }

    /** Builds the check; the message is required. */
    public Check build() {
      return new Check(this);
    }
  }
}
