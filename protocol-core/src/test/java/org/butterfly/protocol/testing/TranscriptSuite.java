package org.butterfly.protocol.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.SocketAddress;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;

/**
 * Runs every {@code *.msnp} transcript of a classpath folder against every transport, one
 * dynamic test each, so a server's conformance suite is a single {@code @TestFactory}
 * (STYLE.md P16).
 *
 * <pre>
 * &#64;TestFactory
 * Stream&lt;DynamicTest&gt; transcripts() {
 *     return TranscriptSuite.run("/transcripts/dispatch", Map.of("tcp", tcpEndpoints, "in-jvm", localEndpoints),
 *             (runner) -&gt; runner.with("password", "alicepass"));
 * }
 * </pre>
 */
public final class TranscriptSuite {

	private TranscriptSuite() {
	}

	/**
	 * @param folder a classpath folder such as {@code /transcripts/sign-in}
	 * @param transports endpoint maps by transport name ({@code ns} to its TCP or in-JVM
	 * address, …)
	 * @param setup prepares each runner, e.g. sets variables
	 */
	public static Stream<DynamicTest> run(String folder, Map<String, Map<String, SocketAddress>> transports,
			Consumer<TranscriptRunner> setup) {
		List<DynamicTest> tests = new ArrayList<>();
		for (String resource : list(folder)) {
			for (Map.Entry<String, Map<String, SocketAddress>> transport : transports.entrySet()) {
				String name = resource.substring(resource.lastIndexOf('/') + 1) + " [" + transport.getKey() + "]";
				tests.add(DynamicTest.dynamicTest(name, () -> {
					TranscriptRunner runner = new TranscriptRunner(transport.getValue());
					setup.accept(runner);
					runner.run(resource);
				}));
			}
		}
		if (tests.isEmpty()) {
			throw new IllegalStateException("no transcripts in " + folder);
		}
		return tests.stream();
	}

	/** The {@code *.msnp} resources directly in {@code folder}, sorted by name. */
	public static List<String> list(String folder) {
		String base = folder.startsWith("/") ? folder.substring(1) : folder;
		URL url = TranscriptSuite.class.getClassLoader().getResource(base);
		if (url == null) {
			throw new IllegalArgumentException("no classpath folder " + folder);
		}
		List<String> names = new ArrayList<>();
		try {
			if (url.getProtocol().equals("jar")) {
				JarURLConnection connection = (JarURLConnection) url.openConnection();
				try (JarFile jar = connection.getJarFile()) {
					Enumeration<JarEntry> entries = jar.entries();
					while (entries.hasMoreElements()) {
						String entry = entries.nextElement().getName();
						if (entry.startsWith(base + "/") && entry.endsWith(".msnp")
								&& entry.indexOf('/', base.length() + 1) < 0) {
							names.add("/" + entry);
						}
					}
				}
			}
			else {
				try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
					files.map((file) -> file.getFileName().toString())
						.filter((file) -> file.endsWith(".msnp"))
						.forEach((file) -> names.add("/" + base + "/" + file));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException(ex);
		}
		names.sort(null);
		return names;
	}

}
