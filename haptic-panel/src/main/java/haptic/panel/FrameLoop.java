package haptic.panel;

import haptic.protocol.EngineStatus;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Renders frames at up to 60 per second until the window closes, or, with {@code --frames N}, until N
 * frames have been rendered once the server answered (or it did not within ten seconds); then saves the
 * screenshot if one was asked for.
 */
final class FrameLoop {
    private static final long FRAME_NANOS = TimeUnit.SECONDS.toNanos(1) / 60;
    private static final long SERVER_WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final PanelWindow window;
    private final PanelUi ui;
    private final ServerLink link;
    private final PanelOptions options;
    private final FrameTimer timer;
    private final Notices notices;

    FrameLoop(PanelWindow window, PanelUi ui, ServerLink link, PanelOptions options, FrameTimer timer,
              Notices notices) {
        this.window = window;
        this.ui = ui;
        this.link = link;
        this.options = options;
        this.timer = timer;
        this.notices = notices;
    }

    /**
     * Called on the render thread (the one that opened the window); reads the link thread's snapshots.
     *
     * @return the exit status
     */
    int run() {
        long started = System.nanoTime();
        int counted = 0;
        while (!window.closeRequested()) {
            long t0 = System.nanoTime();
            window.beginFrame();
            ui.draw();
            window.render(PanelTheme.BACKGROUND[0], PanelTheme.BACKGROUND[1], PanelTheme.BACKGROUND[2]);
            if (options.frames() > 0 && (counted > 0 || link.levels() != null || t0 - started > SERVER_WAIT_NANOS)) {
                counted++;
                if (counted >= options.frames()) {
                    timer.add(System.nanoTime() - t0);
                    return finish(counted);
                }
            }
            window.present();
            timer.add(System.nanoTime() - t0);
            long left = t0 + FRAME_NANOS - System.nanoTime();
            if (left > 0) {
                LockSupport.parkNanos(left);
            }
        }
        ui.table().releaseNote();
        report(timer.count());
        return 0;
    }

    private int finish(int counted) {
        int status = 0;
        if (options.screenshot() != null) {
            BufferedImage image = Screenshot.readBackBuffer(window.framebufferWidth(), window.framebufferHeight());
            LinkState state = link.state();
            Screenshot.Sidecar sidecar = new Screenshot.Sidecar(options.screenshot().getFileName().toString(),
                    image.getWidth(), image.getHeight(), state.connected(),
                    backend(state, link.status()), counted, timer.summary(),
                    ProcessMemory.residentKilobytes(),
                    Screenshot.spots(ui.table().geometry(), window.pixelScaleX(), window.pixelScaleY()));
            try {
                Screenshot.write(image, options.screenshot(), sidecar);
                notices.accept("saved " + options.screenshot() + " and " + Screenshot.sidecarPath(options.screenshot()));
            } catch (IOException e) {
                notices.accept("cannot save the screenshot " + options.screenshot() + ": " + e.getMessage());
                status = 1;
            }
        }
        report(counted);
        return status;
    }

    /** The backend in use: the status has the current one (the handshake may predate the audio starting). */
    private static String backend(LinkState state, EngineStatus status) {
        if (status != null) {
            return status.backend();
        }
        return state.server() == null ? "" : state.server().backend();
    }

    private void report(int counted) {
        FrameTimer.Summary s = timer.summary();
        notices.accept(String.format(Locale.ROOT,
                "%d frames (%d counted): frame time mean %.2f ms, median %.2f ms, p95 %.2f ms, max %.2f ms; RSS %d MB",
                s.frames(), counted, s.meanMillis(), s.medianMillis(), s.p95Millis(), s.maxMillis(),
                ProcessMemory.residentKilobytes() / 1024));
    }
}
