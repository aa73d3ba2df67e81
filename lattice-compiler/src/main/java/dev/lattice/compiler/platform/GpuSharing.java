package dev.lattice.compiler.platform;

/**
 * The names a GPU request and the cluster's GPU add-ons agree on. Whole GPUs are {@code
 * nvidia.com/gpu}, served by the NVIDIA device plugin or by HAMi; a share of a GPU (memory, cores)
 * and a GPU type exist only on HAMi's nodes, which the cluster emitter marks {@code gpu=on} (the
 * device plugin skips them). HAMi's resource names and annotation: Project-HAMi/HAMi README
 * ("nvidia.com/gpumem" in MiB, "nvidia.com/gpucores" in percent) and {@code pkg/device/nvidia}
 * ({@code GPUInUse = "nvidia.com/use-gputype"}, matched case-insensitively as a substring of the
 * card's type in {@code checkGPUtype}).
 */
public final class GpuSharing {
  /** The node label that puts a node's GPUs under HAMi. */
  public static final String HAMI_NODE_LABEL = "gpu";
  /** Its value. */
  public static final String HAMI_NODE_VALUE = "on";
  /** Whole GPUs, and the taint key GPU pools carry. */
  public static final String GPU = "nvidia.com/gpu";
  /** HAMi: GPU memory per GPU, in MiB. */
  public static final String GPU_MEMORY = "nvidia.com/gpumem";
  /** HAMi: percent of each GPU's cores. */
  public static final String GPU_CORES = "nvidia.com/gpucores";
  /** HAMi: the GPU types a pod may use (pod annotation). */
  public static final String USE_GPU_TYPE = "nvidia.com/use-gputype";

  private GpuSharing() {}
}
