/**
 * The GitOps repository a Lattice fleet lives in, and the edits the {@code cluster}, {@code service},
 * {@code placement} and {@code flux} commands make to it.
 *
 * <p>The stages are plain data between pure steps: {@link dev.lattice.cli.gitops.RepoTree} reads the
 * managed files into memory; an edit ({@link dev.lattice.cli.gitops.ClusterEdits},
 * {@link dev.lattice.cli.gitops.ServiceEdits}, {@link dev.lattice.cli.gitops.FluxEdits}) turns one
 * tree into another or refuses with a {@link dev.lattice.cli.gitops.Refusal};
 * {@link dev.lattice.cli.gitops.Kustomizations} brings every {@code kustomization.yaml} in step;
 * {@link dev.lattice.cli.gitops.RepoValidator} checks the result; and only then
 * {@link dev.lattice.cli.gitops.TreeWriter} writes the changed files, each atomically. YAML files are
 * edited node by node through SnakeYAML ({@code YamlFile}) so comments and key order survive. The
 * layout is described in {@link dev.lattice.cli.gitops.Layout}.
 */
package dev.lattice.cli.gitops;
