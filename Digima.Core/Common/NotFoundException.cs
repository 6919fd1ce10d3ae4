namespace Digima.Core.Common;

/// <summary>The record asked for does not exist (or is not visible to the current user).</summary>
public sealed class NotFoundException(string message) : Exception(message);
