package health.limber.exercise.internal;

import health.limber.exercise.Exercise;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws an exercise's demonstration as an SVG stick figure that moves between its key poses
 * (SVG animation elements, no script, so it works under the strict Content-Security-Policy and
 * without JavaScript). Every exercise has a demonstration without copied footage; a still of any
 * key pose is the same drawing without the animation (for handouts and printing).
 */
public final class StickFigure {

    static final List<String[]> BONES = List.of(
            new String[] {"neck", "hip"}, new String[] {"neck", "elbowL"}, new String[] {"elbowL", "handL"},
            new String[] {"neck", "elbowR"}, new String[] {"elbowR", "handR"}, new String[] {"hip", "kneeL"},
            new String[] {"kneeL", "footL"}, new String[] {"hip", "kneeR"}, new String[] {"kneeR", "footR"});

    private StickFigure() {}

    /** The animated demonstration, looping through the key poses. */
    public static String animated(Exercise exercise) {
        return svg(exercise, -1);
    }

    /** One key pose, still. */
    public static String still(Exercise exercise, int pose) {
        return svg(exercise, pose);
    }

    private static String svg(Exercise exercise, int only) {
        Exercise.Animation animation = exercise.animation();
        List<Map<String, double[]>> poses = animation.poses();
        Map<String, double[]> first = poses.get(Math.max(0, only));
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"").append(viewBox(poses)).append("\" class=\"limber-figure\" role=\"img\" aria-label=\"")
                .append(escape("Moving picture of " + exercise.name())).append("\">");
        svg.append("<line class=\"fig-floor\" x1=\"-50\" y1=\"191\" x2=\"250\" y2=\"191\"/>");
        double total = animation.seconds().stream().mapToDouble(Double::doubleValue).sum();
        String keyTimes = keyTimes(animation.seconds(), total);
        // far-side limbs first, so the near side is drawn over them
        for (String[] bone : far(BONES)) {
            line(svg, bone, first, poses, only, total, keyTimes, bone[1].endsWith("R") ? "fig-far" : "fig-near");
        }
        double[] head = first.get("head");
        svg.append("<circle class=\"fig-head\" r=\"12\" cx=\"").append(n(head[0])).append("\" cy=\"").append(n(head[1])).append("\">");
        if (only < 0) {
            animate(svg, "cx", poses, "head", 0, total, keyTimes);
            animate(svg, "cy", poses, "head", 1, total, keyTimes);
        }
        svg.append("</circle></svg>");
        return svg.toString();
    }

    /** The box around every pose (head included) down to the floor, so lying exercises are not drawn small. */
    private static String viewBox(List<Map<String, double[]>> poses) {
        double minX = 200;
        double maxX = 0;
        double minY = 200;
        for (Map<String, double[]> pose : poses) {
            for (Map.Entry<String, double[]> joint : pose.entrySet()) {
                double margin = joint.getKey().equals("head") ? 16 : 6;
                minX = Math.min(minX, joint.getValue()[0] - margin);
                maxX = Math.max(maxX, joint.getValue()[0] + margin);
                minY = Math.min(minY, joint.getValue()[1] - margin);
            }
        }
        double height = 196 - minY;
        double width = Math.max(maxX - minX, height * 0.8);
        double x = (minX + maxX) / 2 - width / 2;
        return n(x) + " " + n(minY) + " " + n(width) + " " + n(height);
    }

    private static List<String[]> far(List<String[]> bones) {
        List<String[]> ordered = new ArrayList<>();
        bones.stream().filter(b -> b[1].endsWith("R")).forEach(ordered::add);
        bones.stream().filter(b -> !b[1].endsWith("R")).forEach(ordered::add);
        return ordered;
    }

    private static void line(StringBuilder svg, String[] bone, Map<String, double[]> first, List<Map<String, double[]>> poses, int only,
                             double total, String keyTimes, String cssClass) {
        double[] a = first.get(bone[0]);
        double[] b = first.get(bone[1]);
        svg.append("<line class=\"").append(cssClass).append("\" x1=\"").append(n(a[0])).append("\" y1=\"").append(n(a[1]))
                .append("\" x2=\"").append(n(b[0])).append("\" y2=\"").append(n(b[1])).append("\">");
        if (only < 0) {
            animate(svg, "x1", poses, bone[0], 0, total, keyTimes);
            animate(svg, "y1", poses, bone[0], 1, total, keyTimes);
            animate(svg, "x2", poses, bone[1], 0, total, keyTimes);
            animate(svg, "y2", poses, bone[1], 1, total, keyTimes);
        }
        svg.append("</line>");
    }

    private static void animate(StringBuilder svg, String attribute, List<Map<String, double[]>> poses, String joint, int axis, double total,
                                String keyTimes) {
        StringBuilder values = new StringBuilder();
        for (Map<String, double[]> pose : poses) {
            values.append(n(pose.get(joint)[axis])).append(';');
        }
        values.append(n(poses.get(0).get(joint)[axis]));
        svg.append("<animate attributeName=\"").append(attribute).append("\" dur=\"").append(n(total)).append("s\" repeatCount=\"indefinite\" values=\"")
                .append(values).append("\" keyTimes=\"").append(keyTimes).append("\" calcMode=\"spline\" keySplines=\"")
                .append("0.45 0 0.55 1;".repeat(poses.size()).replaceAll(";$", "")).append("\"/>");
    }

    private static String keyTimes(List<Double> seconds, double total) {
        StringBuilder times = new StringBuilder("0");
        double at = 0;
        for (double s : seconds) {
            at += s;
            times.append(';').append(n(Math.min(1, at / total)));
        }
        return times.toString();
    }

    private static String n(double value) {
        String text = String.format(Locale.ROOT, "%.3f", value);
        return text.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }
}
