package dev.lattice.conformance;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Schema patterns are Go regular expressions (RE2: the apiserver compiles them with Go's
 * {@code regexp}); this translates the RE2 spellings Java lacks (POSIX classes such as {@code [[:alpha:]]};
 * {@code \z} and {@code \A} mean the same in both) and matches unanchored, as JSON Schema's {@code pattern} does. A pattern
 * Java cannot compile is counted in {@link #uncompiled()} and not checked, as validate-k8s does.
 */
final class GoRegularExpressions implements RegularExpressionFactory {
  private static final Pattern FLAGS = Pattern.compile("^(\\^?)\\(\\?([imsU]+)\\)");
  private final ConcurrentHashMap<String, RegularExpression> cache = new ConcurrentHashMap<>();
  private final java.util.Set<String> uncompiled = ConcurrentHashMap.newKeySet();

  @Override
  public RegularExpression getRegularExpression(String regex) {
    return cache.computeIfAbsent(regex, this::compile);
  }

  /** The patterns that could not be compiled (and so were not checked). */
  java.util.Set<String> uncompiled() {
    return java.util.Set.copyOf(uncompiled);
  }

  private RegularExpression compile(String regex) {
    try {
      Pattern p = Pattern.compile(translate(regex));
      return value -> p.matcher(value).find();
    } catch (PatternSyntaxException e) {
      uncompiled.add(regex);
      return value -> true;
    }
  }

  static String translate(String regex) {
    String p = regex;
    String flags = "";
    Matcher m = FLAGS.matcher(p);
    if (m.find()) {
      for (char c : m.group(2).toCharArray()) {
        if ("ims".indexOf(c) >= 0) {
          flags += c;
        }
      }
      p = m.group(1) + p.substring(m.end());
    }
    p = p.replace("[:alpha:]", "a-zA-Z").replace("[:digit:]", "0-9").replace("[:alnum:]", "a-zA-Z0-9")
        .replace("[:upper:]", "A-Z").replace("[:lower:]", "a-z").replace("[:space:]", "\\s")
        .replace("[:xdigit:]", "0-9A-Fa-f").replace("[:word:]", "\\w")
        .replace("[:punct:]", "!-/:-@\\[-`{-~");
    return flags.isEmpty() ? p : "(?" + flags + ")" + p;
  }
}
