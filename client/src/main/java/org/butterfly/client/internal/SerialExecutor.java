package org.butterfly.client.internal;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * Runs tasks one at a time, in submission order, on a shared executor: each client's
 * listener sees its events in order and never on the network thread, without a thread per
 * client (a load generator holds thousands).
 */
public final class SerialExecutor implements Executor {

	private final Executor executor;

	private final Queue<Runnable> tasks = new ArrayDeque<>();

	private boolean running;

	public SerialExecutor(Executor executor) {
		this.executor = executor;
	}

	@Override
	public void execute(Runnable task) {
		synchronized (this.tasks) {
			this.tasks.add(task);
			if (this.running) {
				return;
			}
			this.running = true;
		}
		this.executor.execute(this::drain);
	}

	private void drain() {
		while (true) {
			Runnable task;
			synchronized (this.tasks) {
				task = this.tasks.poll();
				if (task == null) {
					this.running = false;
					return;
				}
			}
			try {
				task.run();
			}
			catch (RuntimeException ex) {
				// A failing listener must not stop the events that follow.
				Thread.currentThread().getUncaughtExceptionHandler().uncaughtException(Thread.currentThread(), ex);
			}
		}
	}

}
