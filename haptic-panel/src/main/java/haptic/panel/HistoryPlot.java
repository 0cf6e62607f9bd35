package haptic.panel;

import imgui.extension.implot.ImPlot;
import imgui.extension.implot.flag.ImPlotAxis;
import imgui.extension.implot.flag.ImPlotAxisFlags;
import imgui.extension.implot.flag.ImPlotCol;
import imgui.extension.implot.flag.ImPlotCond;
import imgui.extension.implot.flag.ImPlotFlags;
import imgui.extension.implot.flag.ImPlotLocation;

/**
 * The last seconds of levels in dBFS: the loudest peak and loudest RMS over all transducers, and the
 * RMS of the one last hovered or clicked on the table.
 */
final class HistoryPlot {
    private float[] seconds = new float[0];
    private float[] peak = new float[0];
    private float[] rms = new float[0];
    private float[] one = new float[0];

    void draw(LevelHistory history, float sampleRate, String selectedName, int selected, float width, float height) {
        int n = history.size();
        if (seconds.length != n) {
            // Grows while the history fills, then keeps its size: no per-frame garbage once full.
            seconds = new float[n];
            peak = new float[n];
            rms = new float[n];
            one = new float[n];
        }
        history.copy(sampleRate, seconds, peak, rms, selected, one);
        float span = history.capacity() / 60f;
        if (!ImPlot.beginPlot("##history", width, height, ImPlotFlags.NoMenus | ImPlotFlags.NoBoxSelect)) {
            return;
        }
        ImPlot.setupAxes("seconds", "dBFS", ImPlotAxisFlags.NoMenus, ImPlotAxisFlags.NoMenus);
        ImPlot.setupAxisLimits(ImPlotAxis.X1, -span, 0, ImPlotCond.Always);
        ImPlot.setupAxisLimits(ImPlotAxis.Y1, LevelStyle.FLOOR_DB, 3, ImPlotCond.Always);
        ImPlot.setupLegend(ImPlotLocation.NorthWest, 0);
        if (n > 1) {
            ImPlot.pushStyleColor(ImPlotCol.Line, 0.18f, 0.72f, 0.74f, 1f);
            ImPlot.pushStyleColor(ImPlotCol.Fill, 0.18f, 0.72f, 0.74f, 1f);
            ImPlot.plotShaded("loudest RMS", seconds, rms, LevelStyle.FLOOR_DB);
            ImPlot.plotLine("loudest RMS", seconds, rms);
            ImPlot.popStyleColor(2);
            ImPlot.pushStyleColor(ImPlotCol.Line, 1.00f, 0.74f, 0.28f, 1f);
            ImPlot.plotLine("loudest peak", seconds, peak);
            ImPlot.popStyleColor();
            if (selectedName != null) {
                ImPlot.pushStyleColor(ImPlotCol.Line, 0.70f, 0.60f, 1.00f, 1f);
                ImPlot.plotLine(selectedName + " RMS", seconds, one);
                ImPlot.popStyleColor();
            }
        }
        ImPlot.endPlot();
    }
}
