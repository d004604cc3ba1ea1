// The page shown for a missing page or a bad request, in place of the API's JSON error.
import { html } from './html.js'
import { layout } from './layout.js'

export function errorPage (status: number, message: string): string {
  const heading = status === 404 ? 'Not found' : status < 500 ? 'That did not work' : 'Something went wrong'
  return layout({
    title: heading,
    main: html`<h1>${heading}</h1><p class="problem">${message}</p><p><a href="/">Back to the start</a></p>`,
  })
}
