package health.limber.waitinglist;

import java.util.List;

/**
 * New pathways a waiting-list import has just written (one event per chunk of the file, in the
 * import's transaction, so a dry run or a refused file takes back whatever listeners did).
 */
public record PathwaysImported(List<Pathway> pathways) {}
