package dev.lattice.cli.gitops;

import dev.lattice.document.Sha256;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One repository command at a time: held from reading the tree to writing the changes, so two
 * commands cannot lose each other's change. An OS file lock ({@link FileChannel#tryLock}) on a file
 * named after the repository's real path, in the temporary folder (never in the repository, which
 * stays clean for Git), serialises processes; a lock per path serialises threads of one JVM, where
 * the OS lock cannot. A command waits up to 30 s ({@code -Dlattice.repoLockWaitSeconds}) and is then refused.
 */
public final class RepoLock implements AutoCloseable {
  private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

  private final ReentrantLock inProcess;
  private final FileChannel channel;
  private final FileLock lock;

  private RepoLock(ReentrantLock inProcess, FileChannel channel, FileLock lock) {
    this.inProcess = inProcess;
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the lock of {@code repo}, waiting up to {@code wait}; a {@link Refusal} when another command holds it. */
  public static RepoLock acquire(Path repo, Duration wait) throws Refusal, IOException {
    Path real = repo.toRealPath();
    Path file = lockFile(real);
    ReentrantLock mine = IN_PROCESS.computeIfAbsent(real, p -> new ReentrantLock());
    long deadline = System.nanoTime() + wait.toNanos();
    try {
      if (!mine.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
        throw busy(real, file);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw busy(real, file);
    }
    try {
      Files.createDirectories(file.getParent());
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      while (true) {
        FileLock lock;
        try {
          lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
          lock = null;
        }
        if (lock != null) {
          return new RepoLock(mine, channel, lock);
        }
        if (System.nanoTime() > deadline) {
          channel.close();
          throw busy(real, file);
        }
        Thread.sleep(50);
      }
    } catch (IOException | Refusal | RuntimeException e) {
      mine.unlock();
      throw e;
    } catch (InterruptedException e) {
      mine.unlock();
      Thread.currentThread().interrupt();
      throw busy(real, file);
    }
  }

  public static RepoLock acquire(Path repo) throws Refusal, IOException {
    return acquire(repo, Duration.ofSeconds(Long.getLong("lattice.repoLockWaitSeconds", 30)));
  }

  private static Refusal busy(Path repo, Path file) {
    return new Refusal("another lattice command is changing " + repo + " (lock " + file
        + "); run this one again when it has finished");
  }

  private static Path lockFile(Path real) {
    return Path.of(System.getProperty("java.io.tmpdir"), "lattice-repo-locks", Sha256.hex(real.toString(), 32) + ".lock");
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
      channel.close();
    } finally {
      inProcess.unlock();
    }
  }
}
