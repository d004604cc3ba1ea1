// The error of a request that cannot become an article, in a module of its own: the thread that only passes articles
// to the extraction workers (the server's, `whosaid ingest`'s) knows it without loading what checks articles (TypeBox's
// value checker and the HTML converter, about 150 ms of start-up).

/** A request that cannot become an article; the message names the field. */
export class ArticleError extends Error {
  override name = 'ArticleError'
  readonly statusCode = 400
  /** The field at fault, or null when it is the request as a whole. */
  readonly field: string | null

  constructor (field: string | null, message: string) {
    super(message)
    this.field = field
  }
}
