package io.github.mtasts.github;

/**
 * Files read from a branch, with the commit they were read at.
 *
 * @param head the branch's head when read
 * @param files the files asked for that exist there
 */
public record BranchFiles(String head, SiteFiles files) {}
