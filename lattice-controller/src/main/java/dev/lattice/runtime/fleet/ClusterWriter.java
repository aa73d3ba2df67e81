package dev.lattice.runtime.fleet;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Where the engine reports to: the status subresource of Lattice objects, and Events about them. */
public interface ClusterWriter {
  /** Replaces the object's {@code status} (a merge patch of the status subresource). */
  void writeStatus(RawObject object, ObjectNode status);

  /** Records an Event about the object; {@code type} is {@code Normal} or {@code Warning}. */
  void event(RawObject object, String type, String reason, String message);
}
