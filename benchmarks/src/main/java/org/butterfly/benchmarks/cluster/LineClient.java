package org.butterfly.benchmarks.cluster;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.butterfly.protocol.vocab.Md5;

/**
 * A minimal MSNP client for the benchmarks: a blocking socket and a reader thread that
 * stamps every line with {@link System#nanoTime()} on arrival and skips payloads.
 */
public final class LineClient implements AutoCloseable {

	/** A line and when it arrived. */
	public record Line(String text, long nanos) {
	}

	private final Socket socket;

	private final OutputStream out;

	private final BlockingQueue<Line> lines = new LinkedBlockingQueue<>();

	/** Connects without signing in. */
	public static LineClient connect(InetSocketAddress address) throws IOException {
		return new LineClient(address);
	}

	private LineClient(InetSocketAddress address) throws IOException {
		this.socket = new Socket();
		this.socket.setTcpNoDelay(true);
		this.socket.connect(address, 5000);
		this.out = this.socket.getOutputStream();
		Thread reader = new Thread(this::read, "bench-client");
		reader.setDaemon(true);
		reader.start();
	}

	/** Connects and signs in with MSNP5, up to the profile message. */
	public static LineClient signIn(InetSocketAddress address, String handle, String password) throws IOException {
		LineClient client = new LineClient(address);
		client.send("VER 1 MSNP5");
		client.expect("VER 1 MSNP5");
		client.send("USR 2 MD5 I " + handle);
		String[] challenge = client.expect("USR 2 MD5 S ").split(" ");
		client.send("USR 3 MD5 S " + Md5.signInResponse(challenge[4], password));
		client.expect("USR 3 OK ");
		client.expect("MSG ");
		return client;
	}

	public synchronized void send(String line) throws IOException {
		this.out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
		this.out.flush();
	}

	public String expect(String prefix) {
		Line line = next(5000);
		if (line == null || !line.text().startsWith(prefix)) {
			throw new IllegalStateException("expected " + prefix + "..., got " + line);
		}
		return line.text();
	}

	public Line next(long millis) {
		try {
			return this.lines.poll(millis, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	public void drain() {
		this.lines.clear();
	}

	private void read() {
		try (InputStream in = new BufferedInputStream(this.socket.getInputStream())) {
			ByteArrayOutputStream line = new ByteArrayOutputStream(128);
			int b;
			while ((b = in.read()) >= 0) {
				if (b != '\n') {
					if (b != '\r') {
						line.write(b);
					}
					continue;
				}
				String text = line.toString(StandardCharsets.UTF_8);
				line.reset();
				long now = System.nanoTime();
				if (text.startsWith("MSG ") || text.startsWith("NOT ")) {
					int length = Integer.parseInt(text.substring(text.lastIndexOf(' ') + 1));
					in.readNBytes(length);
				}
				this.lines.add(new Line(text, now));
			}
		}
		catch (IOException ex) {
			// Closed: the benchmark is over for this client.
		}
	}

	@Override
	public void close() {
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			// Nothing to do.
		}
	}

}
