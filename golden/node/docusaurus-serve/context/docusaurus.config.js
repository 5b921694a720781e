module.exports = {
  title: 'Platform Docs',
  url: 'https://docs.example.com',
  baseUrl: '/',
  presets: [['classic', {}]],
};
