package haptic.panel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.lwjgl.BufferUtils;
import org.lwjgl.opengl.GL11;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Saves the rendered frame as PNG, and next to it a JSON sidecar saying where each transducer was
 * drawn (image pixels, origin top left), so a test can sample the image without knowing the layout code.
 */
final class Screenshot {
    private Screenshot() {
    }

    /** One transducer's circle in image pixels. */
    record Spot(int index, String name, float x, float y, float radius) {
    }

    /** Everything the sidecar holds. */
    record Sidecar(String image, int width, int height, boolean connected, String backend, int framesRendered,
                   FrameTimer.Summary frameTime, long residentKilobytes, List<Spot> transducers) {
    }

    /** Reads the back buffer (call after rendering, before swapping) into an image, top row first. */
    static BufferedImage readBackBuffer(int width, int height) {
        ByteBuffer pixels = BufferUtils.createByteBuffer(width * height * 4);
        GL11.glReadBuffer(GL11.GL_BACK);
        GL11.glPixelStorei(GL11.GL_PACK_ALIGNMENT, 1);
        GL11.glReadPixels(0, 0, width, height, GL11.GL_RGBA, GL11.GL_UNSIGNED_BYTE, pixels);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            int row = (height - 1 - y) * width * 4; // GL's first row is the bottom one
            for (int x = 0; x < width; x++) {
                int i = row + x * 4;
                int r = pixels.get(i) & 0xff;
                int g = pixels.get(i + 1) & 0xff;
                int b = pixels.get(i + 2) & 0xff;
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return image;
    }

    /** Where the transducers of {@code geometry} (ImGui units) land in an image scaled by the framebuffer scale. */
    static List<Spot> spots(TableGeometry geometry, float scaleX, float scaleY) {
        List<Spot> spots = new ArrayList<>();
        if (geometry == null) {
            return spots;
        }
        for (int i = 0; i < geometry.size(); i++) {
            spots.add(new Spot(i, geometry.name(i), geometry.x(i) * scaleX, geometry.y(i) * scaleY,
                    geometry.radius() * Math.min(scaleX, scaleY)));
        }
        return spots;
    }

    /** The sidecar's path: FILE.png becomes FILE.json. */
    static Path sidecarPath(Path png) {
        String name = png.getFileName().toString();
        String base = name.toLowerCase(java.util.Locale.ROOT).endsWith(".png") ? name.substring(0, name.length() - 4)
                : name;
        return png.resolveSibling(base + ".json");
    }

    static void write(BufferedImage image, Path png, Sidecar sidecar) throws IOException {
        Path dir = png.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        if (!ImageIO.write(image, "png", png.toFile())) {
            throw new IOException("no PNG writer available");
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(sidecarPath(png).toFile(), sidecar);
    }
}
