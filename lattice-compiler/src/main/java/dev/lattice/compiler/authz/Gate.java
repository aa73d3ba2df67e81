package dev.lattice.compiler.authz;

/**
 * The six questions the compiler asks Cedar, each a {@code Lattice::Action} with the entity type of
 * its resource (as declared in {@code lattice.cedarschema}).
 */
public enum Gate {
  /** Every {@code secret} resource: {@code SecretPath::"<provider>:<key>"}. */
  ACCESS_SECRET("AccessSecret", "SecretPath"),
  /** Using another service's shared volume: {@code Volume::"<ns>/<id>"}. */
  ACCESS_VOLUME("AccessVolume", "Volume"),
  /** Anything looser than the restricted pod baseline: {@code SecurityOverride::"runAsRoot"}, ... */
  OVERRIDE_SECURITY("OverrideSecurity", "SecurityOverride"),
  /** Every external endpoint a service would reach: {@code ExternalEndpoint::"<host>:<port>"}. */
  ACCESS_EXTERNAL_ENDPOINT("AccessExternalEndpoint", "ExternalEndpoint"),
  /** Deploying an image by tag or without a signature policy: {@code ImageRef::"<image>"}. */
  SKIP_IMAGE_VERIFICATION("SkipImageVerification", "ImageRef"),
  /** {@code "*"} callers or a depend-on-all: {@code Mesh::"inbound"}, {@code "outbound"}, {@code "advertise"}. */
  ALLOW_WILDCARD("AllowWildcard", "Mesh");

  /** The Cedar namespace of every Lattice entity and action. */
  public static final String NAMESPACE = "Lattice";

  private final String action;
  private final String resourceType;

  Gate(String action, String resourceType) {
    this.action = action;
    this.resourceType = resourceType;
  }

  /** The action's id, e.g. {@code AccessSecret} in {@code Lattice::Action::"AccessSecret"}. */
  public String cedarAction() {
    return action;
  }

  /** The resource's entity type, qualified: {@code Lattice::SecretPath}. */
  public String resourceType() {
    return NAMESPACE + "::" + resourceType;
  }
}
