package cn.gd.xueshi.media;
// STUB until the media-probe branch lands
public final class MediaProbe {
    public record Probe(String contentType, int durationMs) {}
    public static class Refusal extends Exception { public Refusal(String m) { super(m); } }
    public static Probe probe(RangeReader in) throws Refusal, java.io.IOException { throw new Refusal("stub"); }
}
