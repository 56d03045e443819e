package org.butterfly.standalone;

import java.util.Arrays;
import java.util.Map;

import sun.misc.Signal;

/**
 * The standalone launcher's entry point.
 * <ul>
 * <li>No argument: every role in this JVM until Ctrl-C.</li>
 * <li>{@code migrate}: applies the directory's and the cluster's migrations to
 * {@code BUTTERFLY_DATABASE_URL} and exits (the one-shot step of compose and
 * Kubernetes).</li>
 * <li>{@code rotate-passwords}: re-encrypts every stored password with
 * {@code BUTTERFLY_SECRET_KEY} and exits (docs/adr/0109).</li>
 * </ul>
 */
public final class Butterfly {

	private Butterfly() {
	}

	public static void main(String[] args) {
		Platform platform = run(args, System.getenv());
		if (platform != null) {
			stopOn(platform, "INT", "TERM");
		}
	}

	/**
	 * What {@link #main} does, with the environment given.
	 * @param args the command line
	 * @param environment the variables to read the settings from
	 * @return the running platform, or {@code null} after {@code migrate}
	 */
	public static Platform run(String[] args, Map<String, String> environment) {
		Settings settings = Settings.from(environment);
		if (Arrays.asList(args).contains("migrate")) {
			Migration.run(settings);
			return null;
		}
		if (Arrays.asList(args).contains("rotate-passwords")) {
			KeyRotation.run(settings);
			return null;
		}
		Platform platform = Platform.start(settings);
		System.out.println(platform.summary());
		return platform;
	}

	/**
	 * Ctrl-C and {@code docker stop}: the roles stop gracefully ({@code OUT SSD} to every
	 * session), then the database, and only then does the JVM exit. Shutdown hooks alone
	 * cannot keep that order: they run concurrently, and the embedded database has one of
	 * its own.
	 */
	private static void stopOn(Platform platform, String... signals) {
		for (String signal : signals) {
			Signal.handle(new Signal(signal), (received) -> {
				platform.close();
				System.exit(0);
			});
		}
		// Any other way out (System.exit elsewhere) still stops the roles.
		Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "butterfly-shutdown"));
	}

}
