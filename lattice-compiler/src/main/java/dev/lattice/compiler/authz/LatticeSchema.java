package dev.lattice.compiler.authz;

import com.cedarpolicy.model.exception.InternalException;
import com.cedarpolicy.model.schema.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The {@code Lattice} Cedar schema, {@code lattice.cedarschema} on the classpath beside this class, parsed once. */
final class LatticeSchema {
  static final String RESOURCE = "lattice.cedarschema";

  private LatticeSchema() {}

  private static final class Holder {
    static final Schema SCHEMA = parse();
  }

  static Schema get() {
    return Holder.SCHEMA;
  }

  /** The schema's Cedar text, as shipped. */
  static String text() {
    try (InputStream in = LatticeSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Schema parse() {
    try {
      return Schema.parse(Schema.JsonOrCedar.Cedar, text());
    } catch (InternalException e) {
      throw new IllegalStateException("the shipped Cedar schema does not parse: " + e.getMessage(), e);
    }
  }
}
