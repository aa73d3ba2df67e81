package dev.lattice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The floor of {@code lattice bench --end-to-end}: a JVM that only parses the given YAML files (or
 * every {@code .yaml} under given folders) into Jackson trees, as fast as Jackson's YAML module
 * goes, and exits. It is started as its own process, like the real CLI, so JVM start is included.
 */
final class ParseFloor {
  private ParseFloor() {}

  /** Parses every document of every file and prints how many it read. */
  public static void main(String[] args) throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    long documents = 0;
    for (Path file : files(args)) {
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
          MappingIterator<JsonNode> it = yaml.readerFor(JsonNode.class).readValues(in)) {
        while (it.hasNext()) {
          if (it.next() != null) {
            documents++;
          }
        }
      }
    }
    System.out.println(documents + " documents");
  }

  private static List<Path> files(String[] args) throws IOException {
    List<Path> files = new ArrayList<>();
    for (String arg : args) {
      Path p = Path.of(arg);
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(f -> f.toString().endsWith(".yaml")).sorted().forEach(files::add);
        }
      } else {
        files.add(p);
      }
    }
    return files;
  }
}
