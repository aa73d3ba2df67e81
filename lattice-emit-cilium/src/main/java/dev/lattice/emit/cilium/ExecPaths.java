package dev.lattice.emit.cilium;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What {@code security_bprm_check} will see for a declared command. Tetragon's {@code linux_binprm}
 * argument is the path of the file being executed after the kernel resolved it, symlinks followed
 * (Tetragon docs, "Tracing Policy" argument types: linux_binprm matches {@code bprm->file} path,
 * https://tetragon.io/docs/concepts/tracing-policy/selectors/#arguments), and a {@code #!} script
 * executes its interpreter through the same hook. So:
 *
 * <ul>
 *   <li>an absolute path under {@code /bin}, {@code /sbin} or {@code /lib} is allowed in both
 *       spellings, with and without {@code /usr}, since merged-/usr images (Debian 12, Ubuntu,
 *       Fedora) make {@code /bin} a symlink to {@code /usr/bin};
 *   <li>a shell run with {@code -c} (an exec probe {@code sh -c "wget ..."}) also runs the first word
 *       of each simple command of its script; a script with substitutions or expansions in command
 *       position cannot be known: {@link #shellCommands} is empty and the caller refuses.
 * </ul>
 */
final class ExecPaths {
  private static final Set<String> SHELLS = Set.of("sh", "bash", "dash", "ash", "zsh", "busybox");
  private static final List<String> MERGED = List.of("/bin/", "/sbin/", "/lib/", "/lib64/");

  private ExecPaths() {}

  /** {@code path} and its other merged-/usr spelling, when it has one. */
  static SortedSet<String> spellings(String path) {
    SortedSet<String> out = new TreeSet<>();
    out.add(path);
    for (String dir : MERGED) {
      if (path.startsWith(dir)) {
        out.add("/usr" + path);
      } else if (path.startsWith("/usr" + dir)) {
        out.add(path.substring(4));
      }
    }
    return out;
  }

  /** Whether {@code command} runs a shell script given with {@code -c}. */
  static boolean isShellScript(List<String> command) {
    if (command.size() < 3) {
      return false;
    }
    String base = command.get(0).substring(command.get(0).lastIndexOf('/') + 1);
    return SHELLS.contains(base) && command.get(1).equals("-c");
  }

  /**
   * The programs a {@code -c} script runs: the first word of each simple command (split on {@code
   * ;}, {@code &}, {@code |}, newlines); empty when a command position holds an expansion or
   * substitution ({@code $}, a backtick, a quote, parentheses or braces) the compiler cannot follow.
   */
  static Optional<List<String>> shellCommands(String script) {
    List<String> out = new ArrayList<>();
    for (String part : script.split("[;&|\\n]+")) {
      String[] words = part.strip().split("\\s+");
      int i = 0;
      while (i < words.length && (words[i].isEmpty() || words[i].matches("[A-Za-z_][A-Za-z0-9_]*=.*")
          || words[i].equals("!") || words[i].equals("exec"))) {
        i++; // assignments, negation and exec precede the program
      }
      if (i == words.length) {
        continue;
      }
      String word = words[i];
      if (word.matches(".*[$`'\"(){}].*")) {
        return Optional.empty();
      }
      if (!Set.of("if", "then", "else", "elif", "fi", "do", "done", "while", "until", "for", "true", "false", "test", "[",
          "echo", "exit", "cd", "set", "export", ":").contains(word)) {
        out.add(word);
      }
    }
    return Optional.of(out);
  }
}
