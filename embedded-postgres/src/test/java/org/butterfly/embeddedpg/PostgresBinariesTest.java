package org.butterfly.embeddedpg;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresBinariesTest {

	@TempDir
	Path cacheRoot;

	@Test
	void extractsOnceIntoASharedReadableDirectoryKeepingModesAndLinks() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			Callable<Path> install = () -> PostgresBinaries.install(this.cacheRoot);
			List<Future<Path>> installs = threads.invokeAll(List.of(install, install));
			Path installation = installs.get(0).get();
			assertThat(installs.get(1).get()).isEqualTo(installation);

			assertThat(installation.getParent()).isEqualTo(this.cacheRoot.toAbsolutePath());
			try (var entries = Files.list(this.cacheRoot)) {
				assertThat(entries.map((entry) -> entry.getFileName().toString())).containsExactlyInAnyOrder(
						installation.getFileName().toString(), installation.getFileName() + ".lock");
			}
			assertThat(installation.resolve("bin/postgres")).isExecutable();
			assertThat(Files.getPosixFilePermissions(installation.resolve("bin/initdb")))
				.contains(PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_READ);
			assertThat(Files.getPosixFilePermissions(installation.resolve("share/postgresql/postgres.bki")))
				.doesNotContain(PosixFilePermission.OWNER_EXECUTE)
				.contains(PosixFilePermission.OTHERS_READ);
			assertThat(Files.getPosixFilePermissions(installation)).contains(PosixFilePermission.OTHERS_EXECUTE);
			Path link = installation.resolve("lib/libpq.so");
			assertThat(Files.isSymbolicLink(link)).isTrue();
			assertThat(Files.readSymbolicLink(link).isAbsolute()).isFalse();
			assertThat(link).isRegularFile();
		}
		finally {
			threads.shutdownNow();
		}
	}

}
