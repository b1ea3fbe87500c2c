package org.winnow.filter.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.StringReader;

/**
 * Reads YAML into {@link ConfigNode}s that remember their lines. Jackson's streaming parser is
 * used rather than its tree model because the tree model forgets where values were written.
 */
public final class YamlReader {
  private static final YAMLFactory YAML = new YAMLFactory();

  private YamlReader() {}

  /**
   * Parses one YAML document.
   *
   * @param yaml   the text
   * @param source its name in error messages (a file name or resource path)
   * @throws FilterConfigException on malformed YAML, naming the line
   */
  public static ConfigNode read(String yaml, String source) {
    try (JsonParser parser = YAML.createParser(new StringReader(yaml))) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return new ConfigNode.MapNode(source, 1);
      }
      ConfigNode root = value(parser, source);
      if (parser.nextToken() != null) {
        throw new FilterConfigException(source, line(parser), "more than one YAML document");
      }
      return root;
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new FilterConfigException(source, line, "not valid YAML: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new FilterConfigException(source, 0, "cannot read: " + e.getMessage(), e);
    }
  }

  private static ConfigNode value(JsonParser p, String source) throws IOException {
    int line = line(p);
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        ConfigNode.MapNode map = new ConfigNode.MapNode(source, line);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          int keyLine = line(p);
          p.nextToken();
          map.put(key, keyLine, value(p, source));
        }
        return map;
      }
      case START_ARRAY -> {
        ConfigNode.ListNode list = new ConfigNode.ListNode(source, line);
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(value(p, source));
        }
        return list;
      }
      case VALUE_STRING -> {
        return new ConfigNode.Scalar(source, line, p.getText());
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return new ConfigNode.Scalar(source, line, p.getNumberValue());
      }
      case VALUE_TRUE -> {
        return new ConfigNode.Scalar(source, line, Boolean.TRUE);
      }
      case VALUE_FALSE -> {
        return new ConfigNode.Scalar(source, line, Boolean.FALSE);
      }
      case VALUE_NULL -> {
        return new ConfigNode.Scalar(source, line, null);
      }
      default -> throw new FilterConfigException(source, line, "unexpected YAML token " + t);
    }
  }

  private static int line(JsonParser p) {
    return p.currentTokenLocation().getLineNr();
  }
}
