namespace OciRuntime.Core.Logging;

/// <summary>--log-format: logrus-style key=value text, or one JSON object per line.</summary>
public enum LogFormat
{
    Text,
    Json,
}
