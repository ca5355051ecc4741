/**
 * How an operation on a cloud service waits for the service: for a change to be in sync, a
 * certificate to be issued, a distribution to deploy, a rate limit to reset. Shared by the
 * clients of every service ({@code aws}, {@code cloudflare}, {@code github}), which know nothing
 * of one another.
 *
 * <p>{@link io.github.mtasts.wait.WaitOptions} gives one operation call its time budget, how
 * often it polls and where its progress goes; {@link io.github.mtasts.wait.Waiter} is the clock
 * of that call, shared by every poll and pause in it, so that the budget means what Pulumi's
 * {@code customTimeouts} for a create, update or delete mean. A wait that runs out throws
 * {@link io.github.mtasts.wait.WaitTimeoutException}, one that the caller cancels (by interrupting
 * the thread) {@link io.github.mtasts.wait.WaitCancelledException}; both say that the service goes
 * on with what it was asked and that running the operation again resumes the wait. JDK only.
 */
package io.github.mtasts.wait;
