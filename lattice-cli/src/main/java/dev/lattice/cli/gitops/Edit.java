package dev.lattice.cli.gitops;

/** What an edit produced: the new tree (kustomizations in step) and one line saying what it did. */
public record Edit(RepoTree tree, String summary) {}
