package dev.lattice.compiler.authz;

import dev.lattice.model.base.ObjectRef;
import dev.lattice.model.diagnostics.SourcePosition;

/**
 * A gate question as the input asked it: the question, the member or external service whose
 * request it is (denial fails it), and where in the input the request was written.
 */
public record AskedGate(GateRequest request, ObjectRef owner, SourcePosition position, String path) {}
