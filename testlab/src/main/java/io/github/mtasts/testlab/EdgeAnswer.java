package io.github.mtasts.testlab;

/**
 * One answer a stand-in for a CDN's edge gave.
 *
 * @param host the requested host name
 * @param path the request path
 * @param status the HTTP status
 * @param body the body served, empty for refusals
 */
public record EdgeAnswer(String host, String path, int status, String body) {}
