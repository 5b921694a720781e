module.exports = function(eleventyConfig) {
  eleventyConfig.addPassthroughCopy("css");
};
