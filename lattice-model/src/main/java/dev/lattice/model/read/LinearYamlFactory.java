package dev.lattice.model.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.StringReader;
import org.yaml.snakeyaml.parser.ParserImpl;

/**
 * Jackson's YAML factory, except that a parser of a text in memory reads it through {@link
 * LinearStreamReader} instead of SnakeYAML's quadratic {@code StreamReader}. Jackson's {@code
 * YAMLParser} has a constructor taking the SnakeYAML {@link ParserImpl} for exactly this
 * (FasterXML/jackson-dataformats-text, {@code yaml/src/main/java/.../YAMLParser.java}); every other
 * part of parsing — SnakeYAML's scanner and parser, Jackson's tokens, the loader options and read
 * constraints — is the same.
 */
final class LinearYamlFactory extends YAMLFactory {
  private static final long serialVersionUID = 1L;

  LinearYamlFactory(YAMLFactoryBuilder builder) {
    super(builder);
  }

  /** A parser of {@code text}, as {@code createParser(text)} gives, reading in linear time. */
  JsonParser parserOf(String text) {
    IOContext context = _createContext(_createContentReference(text), false);
    ParserImpl events = new ParserImpl(new LinearStreamReader(text), _loaderOptions);
    return new Parser(context, _parserFeatures, _yamlParserFeatures, _objectCodec, events);
  }

  private static final class Parser extends YAMLParser {
    Parser(IOContext context, int parserFeatures, int formatFeatures, ObjectCodec codec, ParserImpl events) {
      super(context, parserFeatures, formatFeatures, codec, new StringReader(""), events);
    }
  }
}
