package org.butterfly.benchmarks.load;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * A minimal JSON writer for the results: maps, collections, numbers, strings, long
 * arrays.
 */
final class Json {

	private Json() {
	}

	static String write(Object value) {
		StringBuilder out = new StringBuilder();
		write(value, out, "");
		return out.toString();
	}

	private static void write(Object value, StringBuilder out, String indent) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof Map<?, ?> map) {
			out.append("{");
			Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
			while (entries.hasNext()) {
				Map.Entry<?, ?> entry = entries.next();
				out.append("\n").append(indent).append("  ");
				string(String.valueOf(entry.getKey()), out);
				out.append(": ");
				write(entry.getValue(), out, indent + "  ");
				out.append(entries.hasNext() ? "," : "\n" + indent);
			}
			out.append("}");
		}
		else if (value instanceof Collection<?> list) {
			out.append("[");
			Iterator<?> items = list.iterator();
			while (items.hasNext()) {
				out.append("\n").append(indent).append("  ");
				write(items.next(), out, indent + "  ");
				out.append(items.hasNext() ? "," : "\n" + indent);
			}
			out.append("]");
		}
		else if (value instanceof long[] numbers) {
			out.append("[");
			for (int i = 0; i < numbers.length; i++) {
				out.append((i == 0) ? "" : ", ").append(numbers[i]);
			}
			out.append("]");
		}
		else if (value instanceof Double number) {
			out.append(number.isNaN() || number.isInfinite() ? "null" : String.valueOf(number));
		}
		else if (value instanceof Number || value instanceof Boolean) {
			out.append(value);
		}
		else {
			string(value.toString(), out);
		}
	}

	private static void string(String text, StringBuilder out) {
		out.append('"');
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> out.append((c < 0x20) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
			}
		}
		out.append('"');
	}

}
