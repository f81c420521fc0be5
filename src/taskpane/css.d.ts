/** `.css` files are bundled as text (webpack `asset/source`); the pane injects them in a <style>. */
declare module "*.css" {
  const text: string;
  export default text;
}
