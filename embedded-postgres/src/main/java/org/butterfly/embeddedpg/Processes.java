package org.butterfly.embeddedpg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What Linux's {@code /proc} says about a process, including processes of other users.
 */
final class Processes {

	private Processes() {
	}

	/**
	 * True while the process exists and has not exited; a zombie waiting to be reaped is
	 * not alive.
	 */
	static boolean isAlive(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			char state = stat.charAt(stat.lastIndexOf(')') + 2);
			return state != 'Z' && state != 'X';
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	/** The arguments the process was started with, empty when it is gone or a zombie. */
	static List<String> commandLine(long pid) {
		try {
			byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
			if (raw.length == 0) {
				return List.of();
			}
			return Arrays.asList(new String(raw, 0, raw.length - 1, StandardCharsets.UTF_8).split("\0"));
		}
		catch (IOException ex) {
			return List.of();
		}
	}

}
