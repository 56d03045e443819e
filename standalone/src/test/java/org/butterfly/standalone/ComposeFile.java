package org.butterfly.standalone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml as compose reads it: the services in file order, each with its
 * image, command, dependencies and environment, after compose's {@code ${NAME:-default}}
 * interpolation and YAML merge keys.
 *
 * @param services by name, in file order
 */
record ComposeFile(Map<String, Service> services) {

	/** The repository's compose file, seen from this module. */
	static final Path PATH = Path.of("..", "docker-compose.yml");

	private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)-([^}]*))?}");

	/**
	 * @param name the service's name
	 * @param image its image, {@code null} if it has none
	 * @param command its command, empty if the image's
	 * @param dependsOn the services it waits for, with the condition
	 * @param environment its variables
	 */
	record Service(String name, String image, List<String> command, Map<String, String> dependsOn,
			Map<String, String> environment) {

		/** The Butterfly app the service runs, {@code null} for a third-party image. */
		String app() {
			if (this.image == null || !this.image.startsWith("butterfly/")) {
				return null;
			}
			return this.image.substring("butterfly/".length(), this.image.indexOf(':'));
		}

	}

	/**
	 * Reads the file.
	 * @param file the compose file
	 * @param variables the shell's variables for interpolation; unset ones take the
	 * file's defaults
	 */
	@SuppressWarnings("unchecked")
	static ComposeFile read(Path file, Map<String, String> variables) throws IOException {
		String text = interpolate(Files.readString(file), variables);
		Map<String, Object> root = new Yaml().load(text);
		Map<String, Service> services = new LinkedHashMap<>();
		((Map<String, Map<String, Object>>) root.get("services")).forEach((name, body) -> {
			Map<String, String> environment = new LinkedHashMap<>();
			((Map<String, Object>) body.getOrDefault("environment", Map.of()))
				.forEach((key, value) -> environment.put(key, String.valueOf(value)));
			Map<String, String> dependsOn = new LinkedHashMap<>();
			((Map<String, Map<String, String>>) body.getOrDefault("depends_on", Map.of()))
				.forEach((dependency, condition) -> dependsOn.put(dependency, condition.get("condition")));
			services.put(name, new Service(name, (String) body.get("image"),
					(List<String>) body.getOrDefault("command", List.of()), dependsOn, environment));
		});
		return new ComposeFile(services);
	}

	private static String interpolate(String text, Map<String, String> variables) {
		Matcher matcher = VARIABLE.matcher(text);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			String value = variables.get(matcher.group(1));
			boolean emptyIsUnset = ":".equals(matcher.group(2));
			if (value == null || (emptyIsUnset && value.isEmpty())) {
				value = (matcher.group(3) != null) ? matcher.group(3) : "";
			}
			matcher.appendReplacement(result, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(result);
		return result.toString();
	}

}
