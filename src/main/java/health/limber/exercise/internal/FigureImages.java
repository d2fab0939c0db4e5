package health.limber.exercise.internal;

import health.limber.exercise.Exercise;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;

/** Key frames of a demonstration as PNG pictures, for handouts (PDF renderers draw images, not animations). */
public final class FigureImages {

    private FigureImages() {}

    /** One key pose as a PNG data URI, {@code size} pixels square. */
    public static String dataUri(Exercise exercise, int pose, int size) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(exercise, pose, size));
    }

    public static byte[] png(Exercise exercise, int pose, int size) {
        Map<String, double[]> joints = exercise.animation().poses().get(pose);
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, size, size);
            double scale = size / 200.0;
            g.scale(scale, scale);
            g.setColor(new Color(0xAEB7BD));
            g.setStroke(new BasicStroke(2f));
            g.draw(new Line2D.Double(0, 191, 200, 191));
            for (String[] bone : StickFigure.BONES) {
                boolean far = bone[1].endsWith("R");
                g.setColor(far ? new Color(0x768692) : new Color(0x003087));
                g.setStroke(new BasicStroke(far ? 6f : 7f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                double[] a = joints.get(bone[0]);
                double[] b = joints.get(bone[1]);
                g.draw(new Line2D.Double(a[0], a[1], b[0], b[1]));
            }
            double[] head = joints.get("head");
            g.setColor(Color.WHITE);
            g.fill(new Ellipse2D.Double(head[0] - 12, head[1] - 12, 24, 24));
            g.setColor(new Color(0x003087));
            g.setStroke(new BasicStroke(5f));
            g.draw(new Ellipse2D.Double(head[0] - 12, head[1] - 12, 24, 24));
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
