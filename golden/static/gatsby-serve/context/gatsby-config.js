module.exports = {
  siteMetadata: { title: 'Portfolio' },
  plugins: [],
}
