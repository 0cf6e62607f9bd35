package haptic.panel;

import imgui.ImGui;
import imgui.extension.implot.ImPlot;
import imgui.gl3.ImGuiImplGl3;
import imgui.glfw.ImGuiImplGlfw;
import org.lwjgl.glfw.Callbacks;
import org.lwjgl.glfw.GLFW;
import org.lwjgl.glfw.GLFWErrorCallback;
import org.lwjgl.opengl.GL;
import org.lwjgl.opengl.GL11;

/**
 * The GLFW window with an OpenGL 3.2 core context and Dear ImGui (with ImPlot) on top of it: creating
 * it, one frame's begin/render/swap, and tearing it all down again.
 */
final class PanelWindow implements AutoCloseable {
    private final long handle;
    private final GLFWErrorCallback errorCallback;
    private final ImGuiImplGlfw platform = new ImGuiImplGlfw();
    private final ImGuiImplGl3 renderer = new ImGuiImplGl3();
    private final int[] width = new int[1];
    private final int[] height = new int[1];
    private final PanelFonts fonts;

    /** GLFW or OpenGL could not give the panel a window. */
    static final class DisplayException extends Exception {
        private static final long serialVersionUID = 1L;

        DisplayException(String message) {
            super(message);
        }
    }

    private PanelWindow(long handle, GLFWErrorCallback errorCallback) {
        this.handle = handle;
        this.errorCallback = errorCallback;
        ImGui.createContext();
        ImPlot.createContext();
        ImGui.getIO().setIniFilename(null); // the layout is fixed; nothing worth saving in the working directory
        fonts = PanelFonts.load();
        PanelTheme.apply();
        platform.init(handle, true);
        renderer.init("#version 150");
    }

    /** Opens the window, or says in plain words why there is no usable display. */
    static PanelWindow open(String title, int w, int h) throws DisplayException {
        StringBuilder lastError = new StringBuilder();
        GLFWErrorCallback callback = GLFWErrorCallback.create((code, description) -> {
            lastError.setLength(0);
            lastError.append(GLFWErrorCallback.getDescription(description));
        });
        GLFW.glfwSetErrorCallback(callback);
        String wayland = System.getenv("WAYLAND_DISPLAY");
        if ((wayland == null || wayland.isBlank()) && GLFW.glfwPlatformSupported(GLFW.GLFW_PLATFORM_X11)) {
            // Without this GLFW probes Wayland first, and libwayland prints a confusing error on an X11-only machine.
            GLFW.glfwInitHint(GLFW.GLFW_PLATFORM, GLFW.GLFW_PLATFORM_X11);
        }
        if (!GLFW.glfwInit()) {
            GLFW.glfwSetErrorCallback(null);
            callback.free();
            throw new DisplayException(DisplayCheck.unusable("GLFW could not initialise"
                    + (lastError.length() > 0 ? ": " + lastError : "")));
        }
        GLFW.glfwDefaultWindowHints();
        GLFW.glfwWindowHint(GLFW.GLFW_CONTEXT_VERSION_MAJOR, 3);
        GLFW.glfwWindowHint(GLFW.GLFW_CONTEXT_VERSION_MINOR, 2);
        GLFW.glfwWindowHint(GLFW.GLFW_OPENGL_PROFILE, GLFW.GLFW_OPENGL_CORE_PROFILE);
        GLFW.glfwWindowHint(GLFW.GLFW_OPENGL_FORWARD_COMPAT, GLFW.GLFW_TRUE);
        long window = GLFW.glfwCreateWindow(w, h, title, 0L, 0L);
        if (window == 0L) {
            GLFW.glfwTerminate();
            GLFW.glfwSetErrorCallback(null);
            callback.free();
            throw new DisplayException(DisplayCheck.unusable("cannot open an OpenGL 3.2 core window"
                    + (lastError.length() > 0 ? ": " + lastError : "")));
        }
        // Below this the side column squeezes the table to nothing.
        GLFW.glfwSetWindowSizeLimits(window, 960, 640, GLFW.GLFW_DONT_CARE, GLFW.GLFW_DONT_CARE);
        GLFW.glfwMakeContextCurrent(window);
        try {
            GL.createCapabilities();
        } catch (RuntimeException e) {
            GLFW.glfwDestroyWindow(window);
            GLFW.glfwTerminate();
            GLFW.glfwSetErrorCallback(null);
            callback.free();
            throw new DisplayException(DisplayCheck.unusable("OpenGL does not work on this display: " + e.getMessage()));
        }
        GLFW.glfwSwapInterval(1);
        return new PanelWindow(window, callback);
    }

    PanelFonts fonts() {
        return fonts;
    }

    boolean closeRequested() {
        return GLFW.glfwWindowShouldClose(handle);
    }

    /** Starts a frame: input is read and ImGui calls may follow. */
    void beginFrame() {
        GLFW.glfwPollEvents();
        renderer.newFrame();
        platform.newFrame();
        ImGui.newFrame();
    }

    /** Draws the frame into the back buffer (where a screenshot reads it); {@link #present()} shows it. */
    void render(float r, float g, float b) {
        ImGui.render();
        GLFW.glfwGetFramebufferSize(handle, width, height);
        GL11.glViewport(0, 0, width[0], height[0]);
        GL11.glClearColor(r, g, b, 1f);
        GL11.glClear(GL11.GL_COLOR_BUFFER_BIT);
        renderer.renderDrawData(ImGui.getDrawData());
    }

    void present() {
        GLFW.glfwSwapBuffers(handle);
    }

    /** Framebuffer width in pixels as of the last {@link #render}. */
    int framebufferWidth() {
        return width[0];
    }

    int framebufferHeight() {
        return height[0];
    }

    /** Framebuffer pixels per ImGui unit, horizontally (1 unless the display scales). */
    float pixelScaleX() {
        return ImGui.getIO().getDisplayFramebufferScaleX();
    }

    float pixelScaleY() {
        return ImGui.getIO().getDisplayFramebufferScaleY();
    }

    @Override
    public void close() {
        renderer.shutdown();
        try {
            platform.shutdown();
        } catch (RuntimeException e) {
            // imgui-java 1.88.0's GLFW backend throws a NullPointerException here under Xvfb; nothing is left
            // to release by then that glfwTerminate does not release.
        }
        ImPlot.destroyContext();
        ImGui.destroyContext();
        Callbacks.glfwFreeCallbacks(handle);
        GLFW.glfwDestroyWindow(handle);
        GLFW.glfwTerminate();
        GLFW.glfwSetErrorCallback(null);
        errorCallback.free();
    }
}
